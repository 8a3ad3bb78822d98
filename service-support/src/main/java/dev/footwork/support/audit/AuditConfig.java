package dev.footwork.support.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the audit trail treats a read it cannot record ({@code footwork.audit.*}). */
@ConfigMapping(prefix = "footwork.audit")
public interface AuditConfig {

    /**
     * Fail closed: a read (or a live stream) whose audit entry cannot be written is answered {@code
     * 503} problem+json instead of its data, and counted ({@code
     * footwork.audit.write.failed{request="refused"}}). Off by default: the read is answered, the
     * failure logged at ERROR ({@code AUDIT WRITE FAILED}) and counted ({@code
     * request="answered"}).
     */
    @WithDefault("false")
    boolean failClosed();
}
