package cn.tongyi.core.support;

import cn.tongyi.core.privacy.OpaqueIds;

/**
 * Between the internal ids tests set up and check in the database and the opaque ids the API and pages show for
 * them.
 */
public final class Ids {

    private Ids() {
    }

    public static String request(long id) {
        return OpaqueIds.current().seal(OpaqueIds.Kind.SERVICE_REQUEST, id);
    }

    public static String transfer(long id) {
        return OpaqueIds.current().seal(OpaqueIds.Kind.TRANSFER, id);
    }

    public static String dispute(long id) {
        return OpaqueIds.current().seal(OpaqueIds.Kind.DISPUTE, id);
    }

    /** The internal id behind an opaque id the API returned. */
    public static long internal(OpaqueIds.Kind kind, Object opaqueId) {
        return OpaqueIds.current().open(kind, (String) opaqueId)
                .orElseThrow(() -> new AssertionError("Not an opaque " + kind + " id: " + opaqueId));
    }
}
