package dev.footwork.progress.support;

import dev.footwork.testkit.DevTokens;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * Bearer tokens with claims {@link DevTokens} does not make (hundreds of groups, very long subjects
 * and clients), signed with the same development key, so the service accepts them.
 */
public final class ClaimTokens {

    private ClaimTokens() {}

    /** {@code Bearer <token>} of a clinic with these subject, groups and client, valid an hour. */
    public static String bearer(String clinic, String subject, Set<String> groups, String client) {
        long now = Instant.now().getEpochSecond();
        return "Bearer "
                + Jwt.issuer(DevTokens.ISSUER)
                        .audience(DevTokens.AUDIENCE)
                        .subject(subject)
                        .groups(groups)
                        .claim("clinic_id", clinic)
                        .claim("azp", client)
                        .issuedAt(now)
                        .expiresAt(now + 3600)
                        .sign(privateKey());
    }

    private static PrivateKey privateKey() {
        Path pem = DevTokens.shared().publicKeyFile().resolveSibling("private-key.pem");
        try {
            String body =
                    Files.readString(pem)
                            .replace("-----BEGIN PRIVATE KEY-----", "")
                            .replace("-----END PRIVATE KEY-----", "")
                            .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the development key " + pem, e);
        }
    }
}
