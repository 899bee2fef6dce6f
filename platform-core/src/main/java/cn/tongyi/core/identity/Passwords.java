package cn.tongyi.core.identity;

import io.quarkus.elytron.security.common.BcryptUtil;

/** bcrypt, with a fixed dummy hash so that an unknown username costs as much time as a wrong password. */
public final class Passwords {

    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("no such user: equal work for every login");

    private Passwords() {
    }

    static String hash(String password) {
        return BcryptUtil.bcryptHash(password);
    }

    static boolean matches(String password, String hash) {
        return BcryptUtil.matches(password, hash);
    }

    public static void spendEqualTime(String password) {
        BcryptUtil.matches(password, DUMMY_HASH);
    }
}
