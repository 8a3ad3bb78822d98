package dev.footwork.support.audit;

import dev.footwork.support.security.Roles;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * Audited values fitted to their columns, so that no claim or request, however long or odd, makes
 * an audit entry fail to insert. A value cut short ends in {@code …} and the first 10 hex digits of
 * the SHA-256 of the whole value, so two long values that share their beginning (two subjects of
 * one identity provider) stay two values in the trail.
 */
final class AuditValues {

    /** Columns shorter than this are cut without a digest (there is no room for one). */
    private static final int DIGEST_ROOM = 24;

    private static final int DIGEST_HEX = 10;
    private static final char CUT = '\u2026';

    /** Footwork's own roles lead the list: they are the ones that decided the access. */
    private static final List<String> FOOTWORK_ROLES =
            List.of(Roles.ADMIN, Roles.CLINICIAN, Roles.INTEGRATION, Roles.PATIENT);

    private AuditValues() {}

    /** The value as it fits a column of {@code length} characters; null stays null. */
    static String fit(String value, int length) {
        if (value == null) {
            return null;
        }
        // PostgreSQL text cannot hold NUL: the insert would fail (SQLSTATE 22021)
        String clean = value.replace('\u0000', '\uFFFD');
        if (clean.length() <= length) {
            return clean;
        }
        if (length < DIGEST_ROOM) {
            return clean.substring(0, cutAt(clean, length));
        }
        return clean.substring(0, cutAt(clean, length - 1 - DIGEST_HEX)) + CUT + digest(clean);
    }

    /**
     * Names joined by commas (Footwork's roles first, then the others in order), as many whole
     * names as fit with {@code …+n} for the {@code n} left out.
     */
    static String names(Collection<String> names, int length) {
        List<String> ordered = new ArrayList<>();
        FOOTWORK_ROLES.stream().filter(names::contains).forEach(ordered::add);
        names.stream()
                .filter(n -> n != null && !FOOTWORK_ROLES.contains(n))
                .sorted()
                .forEach(ordered::add);
        String all = String.join(",", ordered);
        if (all.length() <= length && all.indexOf('\u0000') < 0) {
            return all;
        }
        // room for the marker of the most names that can be left out
        int marker = 2 + String.valueOf(ordered.size()).length();
        StringBuilder kept = new StringBuilder();
        int count = 0;
        for (String name : ordered) {
            String clean = name.replace('\u0000', '\uFFFD');
            int needed = (count == 0 ? 0 : 1) + clean.length();
            if (kept.length() + needed + marker > length) {
                break;
            }
            kept.append(count == 0 ? "" : ",").append(clean);
            count++;
        }
        if (count == ordered.size()) {
            return kept.toString();
        }
        if (count == 0) {
            return fit(all, length);
        }
        return kept.append(CUT).append('+').append(ordered.size() - count).toString();
    }

    /** Where to cut so that no UTF-16 surrogate pair is split. */
    private static int cutAt(String value, int at) {
        return at > 0 && Character.isHighSurrogate(value.charAt(at - 1)) ? at - 1 : at;
    }

    private static String digest(String value) {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256")
                            .digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, DIGEST_HEX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
