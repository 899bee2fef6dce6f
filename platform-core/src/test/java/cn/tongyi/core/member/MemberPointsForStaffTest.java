package cn.tongyi.core.member;

import static cn.tongyi.core.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.tongyi.core.identity.PersonIds;
import cn.tongyi.core.ledger.LedgerService;
import cn.tongyi.core.ledger.Points;
import cn.tongyi.core.ledger.TransferKind;
import cn.tongyi.core.ledger.TransferRequest;
import cn.tongyi.core.support.Api;
import cn.tongyi.core.support.Members;
import cn.tongyi.core.support.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Members registered on paper have no login: those who care for them read their points for them. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class MemberPointsForStaffTest {

    @Inject
    LedgerService ledger;
    @Inject
    PersonIds personIds;

    @Test
    @DisplayName("R-LEDGER-4: the head and the stewards of the member's building read a member's balance and history; "
            + "other stewards, finance and the member's neighbours do not")
    void carersReadAMembersPoints() {
        Api.OnboardedBranch branch = Api.onboard("passbook");
        long home = Members.building(branch, "1号楼");
        String steward = Members.steward(branch, home);
        String stewardElsewhere = Members.steward(branch, Members.building(branch, "2号楼"));
        String memberId = Members.registerOnPaper(branch, steward, home);
        long personId = personIdOf(memberId);
        for (int points = 1; points <= 3; points++) {
            ledger.post(TransferRequest.issue(TransferKind.BIRTHDAY, branch.code(), personId, Points.of(points),
                    null, "test:" + UUID.randomUUID(), "test"));
        }
        String path = "/api/branches/" + branch.code() + "/members/" + memberId + "/points";

        for (String carer : new String[] {branch.headToken(), steward}) {
            as(carer).queryParam("limit", 2).get(path).then().statusCode(200)
                    .body("memberId", equalTo(memberId)).body("points", equalTo("6.00"))
                    .body("entries", hasSize(2)).body("entries[0].points", equalTo("3.00"))
                    .body("entries[0].balanceAfter", equalTo("6.00"));
        }
        as(stewardElsewhere).get(path).then().statusCode(404);
        as(Api.staff(branch, "FINANCE")).get(path).then().statusCode(403);
        as(Members.registerOnline(branch, home).token()).get(path).then().statusCode(403);
    }

    /** A member's public id is their person's: the ledger's Java API takes the internal one. */
    private long personIdOf(String memberId) {
        return personIds.require(UUID.fromString(memberId));
    }
}
