package dev.footwork.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevTokensTest {

    @TempDir Path keys;

    @Test
    void aTokenCarriesTheClaimsAndVerifiesWithThePublicKey() throws Exception {
        DevTokens tokens = DevTokens.inDirectory(keys);
        Instant issued = Instant.parse("2026-11-24T10:00:00Z");

        String jwt =
                tokens.token("patient", "clinic-a")
                        .patient("p-1")
                        .subject("u-1")
                        .client("app")
                        .valid(issued, Duration.ofMinutes(5))
                        .sign();

        String[] parts = jwt.split("\\.");
        assertThat(verifies(parts, publicKey(tokens.publicKeyFile()))).isTrue();
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(claims.get("iss").asText()).isEqualTo(DevTokens.ISSUER);
        assertThat(claims.get("aud").asText()).isEqualTo(DevTokens.AUDIENCE);
        assertThat(claims.get("groups").get(0).asText()).isEqualTo("patient");
        assertThat(claims.get("clinic_id").asText()).isEqualTo("clinic-a");
        assertThat(claims.get("patient_ref").asText()).isEqualTo("p-1");
        assertThat(claims.get("azp").asText()).isEqualTo("app");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(300);
    }

    @Test
    void theKeysSurviveAndThePrivateKeyIsReadableByItsOwnerOnly() throws Exception {
        DevTokens first = DevTokens.inDirectory(keys);
        String jwt = DevTokens.inDirectory(keys).token("clinician", "c").sign();

        assertThat(verifies(jwt.split("\\."), publicKey(first.publicKeyFile()))).isTrue();
        assertThat(
                        PosixFilePermissions.toString(
                                Files.getPosixFilePermissions(keys.resolve("private-key.pem"))))
                .isEqualTo("rw-------");
    }

    @Test
    void aStrangersSignatureDoesNotVerify() throws Exception {
        DevTokens tokens = DevTokens.inDirectory(keys);

        String forged = tokens.token("admin", "c").signedByAStranger().sign();

        assertThat(verifies(forged.split("\\."), publicKey(tokens.publicKeyFile()))).isFalse();
    }

    private static boolean verifies(String[] parts, PublicKey key) throws Exception {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key);
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return rsa.verify(Base64.getUrlDecoder().decode(parts[2]));
    }

    private static PublicKey publicKey(Path pem) throws Exception {
        String body =
                Files.readString(pem)
                        .replace("-----BEGIN PUBLIC KEY-----", "")
                        .replace("-----END PUBLIC KEY-----", "")
                        .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
    }
}
