package cn.tongyi.core.identity;

import cn.tongyi.web.ApiProblem;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The person behind the current request's token, whose subject is the person's public id. */
@RequestScoped
public class CurrentPerson {

    private final JsonWebToken token;
    private final PersonIds ids;
    private Long id;

    CurrentPerson(JsonWebToken token, PersonIds ids) {
        this.token = token;
        this.ids = ids;
    }

    /** The caller's internal id. */
    public Long id() {
        if (id == null) {
            id = ids.internalId(publicId()).orElseThrow(() -> unauthenticated("The login of this token no longer exists"));
        }
        return id;
    }

    public UUID publicId() {
        try {
            return UUID.fromString(token.getSubject());
        } catch (NullPointerException | IllegalArgumentException e) {
            throw unauthenticated("Log in and send the access token as a Bearer token");
        }
    }

    public Person require() {
        return Person.<Person>findByIdOptional(id())
                .orElseThrow(() -> unauthenticated("The login of this token no longer exists"));
    }

    private static ApiProblem unauthenticated(String detail) {
        return new ApiProblem(401, "unauthenticated", detail);
    }
}
