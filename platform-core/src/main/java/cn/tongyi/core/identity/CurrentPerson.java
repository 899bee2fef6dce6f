package cn.tongyi.core.identity;

import cn.tongyi.web.ApiProblem;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The person behind the current request's token. */
@RequestScoped
public class CurrentPerson {

    private final JsonWebToken token;

    CurrentPerson(JsonWebToken token) {
        this.token = token;
    }

    public Long id() {
        if (token.getSubject() == null) {
            throw new ApiProblem(401, "unauthenticated", "Log in and send the access token as a Bearer token");
        }
        return Long.valueOf(token.getSubject());
    }

    public Person require() {
        return Person.<Person>findByIdOptional(id())
                .orElseThrow(() -> new ApiProblem(401, "unauthenticated", "The login of this token no longer exists"));
    }
}
