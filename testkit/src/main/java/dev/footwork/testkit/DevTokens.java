package dev.footwork.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Mints the bearer tokens an API gateway or identity provider would issue to Footwork callers,
 * signed by a development RSA key that exists only on this machine (tests, the local launcher).
 *
 * <p>Claims: {@code iss}, {@code aud}, {@code sub}, {@code groups} (the role), {@code clinic_id}
 * (the tenant), {@code patient_ref} (patient tokens), {@code azp} (the client application), {@code
 * iat}, {@code exp}, {@code jti}. The services verify them with smallrye-jwt against the public key
 * in {@link #publicKeyFile()}.
 */
public final class DevTokens {

    /** Issuer of development tokens; production names its own identity provider. */
    public static final String ISSUER = "https://auth.footwork.local";

    public static final String AUDIENCE = "footwork";

    private static final String SHARED_DIR_PROPERTY = "footwork.testkit.jwt.dir";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private static DevTokens shared;

    private final Path directory;
    private final PrivateKey privateKey;

    private DevTokens(Path directory, PrivateKey privateKey) {
        this.directory = directory;
        this.privateKey = privateKey;
    }

    /**
     * The key pair in {@code directory}, created there on first use. Only the public key ever
     * leaves the directory (as configuration of the services).
     */
    public static DevTokens inDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
            Path privateFile = directory.resolve("private-key.pem");
            if (!Files.exists(privateFile)) {
                KeyPair pair = newKeyPair();
                write(
                        directory.resolve("public-key.pem"),
                        "PUBLIC KEY",
                        pair.getPublic().getEncoded());
                write(privateFile, "PRIVATE KEY", pair.getPrivate().getEncoded());
                Files.setPosixFilePermissions(
                        privateFile, PosixFilePermissions.fromString("rw-------"));
            }
            byte[] der = read(privateFile, "PRIVATE KEY");
            PrivateKey key =
                    KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            return new DevTokens(directory, key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep development keys in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read development keys in " + directory, e);
        }
    }

    /**
     * One key pair per test JVM, shared by every class loader in it (the test resource that
     * configures the service and the test that mints tokens see the same files).
     */
    public static synchronized DevTokens shared() {
        if (shared != null) {
            return shared;
        }
        String dir = System.getProperty(SHARED_DIR_PROPERTY);
        if (dir == null) {
            try {
                Path created = Files.createTempDirectory("footwork-jwt");
                created.toFile().deleteOnExit();
                dir = created.toString();
                System.setProperty(SHARED_DIR_PROPERTY, dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        shared = inDirectory(Path.of(dir));
        return shared;
    }

    /** {@code Bearer <token>} for a role in a clinic, signed by the shared test key. */
    public static String bearer(String role, String clinicId) {
        return shared().token(role, clinicId).bearer();
    }

    /** The PEM public key the services verify signatures with. */
    public Path publicKeyFile() {
        return directory.resolve("public-key.pem");
    }

    /** A token for a role in a clinic, valid for an hour; refine it with the builder. */
    public Token token(String role, String clinicId) {
        return new Token(this, role, clinicId);
    }

    /** A token being built; {@link #sign()} gives the compact JWS. */
    public static final class Token {
        private final DevTokens keys;
        private final String role;
        private final String clinicId;
        private String subject = "user-" + UUID.randomUUID().toString().substring(0, 8);
        private String patientRef;
        private String client = "footwork-dev";
        private String issuer = ISSUER;
        private String audience = AUDIENCE;
        private Instant issuedAt = Instant.now();
        private Duration lifetime = Duration.ofHours(1);
        private PrivateKey signingKey;

        private Token(DevTokens keys, String role, String clinicId) {
            this.keys = keys;
            this.role = role;
            this.clinicId = clinicId;
        }

        public Token patient(String patientRef) {
            this.patientRef = patientRef;
            return this;
        }

        public Token subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Token client(String client) {
            this.client = client;
            return this;
        }

        public Token issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Token audience(String audience) {
            this.audience = audience;
            return this;
        }

        /**
         * Issued at {@code issuedAt}, valid for {@code lifetime}; in the past for expired tokens.
         */
        public Token valid(Instant issuedAt, Duration lifetime) {
            this.issuedAt = issuedAt;
            this.lifetime = lifetime;
            return this;
        }

        public Token lifetime(Duration lifetime) {
            this.lifetime = lifetime;
            return this;
        }

        /** Signs with a key the services do not know, as a forger would. */
        public Token signedByAStranger() {
            this.signingKey = newKeyPair().getPrivate();
            return this;
        }

        public String sign() {
            ObjectNode claims = JSON.createObjectNode();
            claims.put("iss", issuer);
            claims.put("aud", audience);
            claims.put("sub", subject);
            claims.put("upn", subject);
            claims.putArray("groups").add(role);
            if (clinicId != null) {
                claims.put("clinic_id", clinicId);
            }
            if (patientRef != null) {
                claims.put("patient_ref", patientRef);
            }
            claims.put("azp", client);
            claims.put("iat", issuedAt.getEpochSecond());
            claims.put("exp", issuedAt.plus(lifetime).getEpochSecond());
            claims.put("jti", UUID.randomUUID().toString());
            return jws(claims, signingKey != null ? signingKey : keys.privateKey);
        }

        /** The header value, {@code Bearer <token>}. */
        public String bearer() {
            return "Bearer " + sign();
        }
    }

    /**
     * Prints one token per role for a clinic: {@code DevTokens <key directory> <clinic> <patient>}.
     */
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: DevTokens <key directory> <clinic id> <patient ref>");
            System.exit(2);
        }
        DevTokens tokens = inDirectory(Path.of(args[0]));
        Duration day = Duration.ofHours(24);
        for (String role : List.of("clinician", "admin", "integration")) {
            System.out.println(
                    role
                            + "="
                            + tokens.token(role, args[1])
                                    .subject("demo-" + role)
                                    .lifetime(day)
                                    .sign());
        }
        System.out.println(
                "patient="
                        + tokens.token("patient", args[1])
                                .patient(args[2])
                                .subject("demo-patient")
                                .lifetime(day)
                                .sign());
    }

    private static String jws(ObjectNode claims, PrivateKey key) {
        try {
            String header =
                    URL.encodeToString(
                            "{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            String payload = URL.encodeToString(JSON.writeValueAsBytes(claims));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + URL.encodeToString(rsa.sign());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a development token", e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, String type, byte[] der) throws IOException {
        String pem =
                "-----BEGIN "
                        + type
                        + "-----\n"
                        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                        + "\n-----END "
                        + type
                        + "-----\n";
        Files.writeString(file, pem);
    }

    private static byte[] read(Path file, String type) throws IOException {
        String body =
                Files.readString(file)
                        .replace("-----BEGIN " + type + "-----", "")
                        .replace("-----END " + type + "-----", "")
                        .replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
