package cn.tongyi.core.ledger;

import cn.tongyi.web.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque cursor of a history page: the id of the last entry shown, versioned and base64url-encoded. Clients
 * pass it back unchanged; its content is not part of the API.
 */
public final class EntryCursor {

    private static final String PREFIX = "e1:";

    private EntryCursor() {
    }

    public static String after(long lastId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + lastId).getBytes(StandardCharsets.US_ASCII));
    }

    /** The id to continue below; {@code Long.MAX_VALUE} without a cursor. 400 {@code invalid-cursor} if garbled. */
    public static long decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Long.MAX_VALUE;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith(PREFIX)) {
                long id = Long.parseLong(text.substring(PREFIX.length()));
                if (id > 0) {
                    return id;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw ApiProblem.badRequest("invalid-cursor", "The cursor is not one this API returned");
    }
}
