package cn.tongyi.core.member;

import cn.tongyi.web.ApiProblem;
import java.util.List;
import java.util.UUID;

/** R-MEMBER-1: the ID or phone number of a registration belongs to a member already, somewhere in the alliance. */
public class DuplicateMember extends ApiProblem {

    private final String existingBranch;
    private final UUID existingMember;

    DuplicateMember(String kind, MemberFingerprint existing) {
        super(409, "member-exists", "A member with this " + label(kind) + " number is already registered in the "
                + "alliance", List.of(new FieldError(field(kind), "already registered")));
        this.existingBranch = existing.branchCode;
        this.existingMember = existing.memberId;
    }

    public String existingBranch() {
        return existingBranch;
    }

    public UUID existingMember() {
        return existingMember;
    }

    private static String label(String kind) {
        return MemberFingerprint.PHONE.equals(kind) ? "phone" : "ID";
    }

    private static String field(String kind) {
        return MemberFingerprint.PHONE.equals(kind) ? "phone" : "idNumber";
    }
}
