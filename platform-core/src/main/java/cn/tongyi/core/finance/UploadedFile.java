package cn.tongyi.core.finance;

import cn.tongyi.web.ApiProblem;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * A file uploaded to the books (an invoice, an audit report), accepted only when its first bytes are those of the
 * type it claims (JPEG, PNG, PDF) and it is within its size limit; kept with its SHA-256.
 */
public record UploadedFile(String mediaType, byte[] content, String sha256) {

    private static final Map<String, byte[]> MAGIC = Map.of(
            "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
            "application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'});

    /** Checks a file against the accepted types and the size limit; 400, 413 or 415 problems otherwise. */
    public static UploadedFile check(String mediaType, byte[] content, Set<String> accepted, int maxBytes) {
        if (!accepted.contains(mediaType)) {
            throw new ApiProblem(415, "unsupported-media-type", "Accepted here: " + accepted);
        }
        if (content == null || content.length == 0) {
            throw ApiProblem.badRequest("file-empty", "The file is empty");
        }
        if (content.length > maxBytes) {
            throw new ApiProblem(413, "file-too-large", "Files here are at most " + maxBytes / (1024 * 1024) + " MB");
        }
        byte[] magic = MAGIC.get(mediaType);
        if (content.length < magic.length || !Arrays.equals(content, 0, magic.length, magic, 0, magic.length)) {
            throw new ApiProblem(415, "file-type-mismatch", "The file's content is not " + mediaType);
        }
        return new UploadedFile(mediaType, content, sha256(content));
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
