package dev.footwork.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Makes the application under test verify bearer tokens against the JVM's development key ({@link
 * DevTokens#shared()}), so tests mint tokens the service accepts, and forged ones it refuses.
 */
public class JwtTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        DevTokens tokens = DevTokens.shared();
        return Map.of(
                "mp.jwt.verify.publickey.location", tokens.publicKeyFile().toUri().toString(),
                "mp.jwt.verify.issuer", DevTokens.ISSUER,
                "mp.jwt.verify.audiences", DevTokens.AUDIENCE);
    }

    @Override
    public void stop() {}
}
