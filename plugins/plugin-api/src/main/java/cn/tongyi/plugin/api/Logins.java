package cn.tongyi.plugin.api;

import java.util.UUID;

/** Logins a plugin may create in the branch of the call. */
public interface Logins {

    /**
     * A login holding MERCHANT in this branch (R-MERCHANT-1): 409 {@code username-taken} if the username is.
     *
     * @return the new login's public id
     */
    UUID createMerchantLogin(String username, String displayName, String password);
}
