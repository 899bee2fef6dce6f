package cn.tongyi.core.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * The token signing key pair for a first local run: generated once and kept as PEM files, so tokens survive a
 * restart. Production mounts its own pair from a Secret instead.
 */
public final class LocalKeys {

    private LocalKeys() {
    }

    public record JwtKeyFiles(Path privateKey, Path publicKey) {
    }

    public static JwtKeyFiles ensureJwtKeys(Path dir) {
        JwtKeyFiles files = new JwtKeyFiles(dir.resolve("jwt-private.pem"), dir.resolve("jwt-public.pem"));
        if (Files.exists(files.privateKey()) && Files.exists(files.publicKey())) {
            return files;
        }
        try {
            Files.createDirectories(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            writePrivate(files.privateKey(), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(files.publicKey(), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
