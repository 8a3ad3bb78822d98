package dev.footwork.support.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditValuesTest {

    @Test
    void aValueThatFitsIsKeptAsItIs() {
        assertThat(AuditValues.fit("dr-lee", 200)).isEqualTo("dr-lee");
        assertThat(AuditValues.fit(null, 200)).isNull();
    }

    @Test
    void aLongValueIsCutToItsColumnWithADigestOfTheWhole() {
        String subject = "x".repeat(999) + "1";
        String fitted = AuditValues.fit(subject, 200);

        assertThat(fitted).hasSize(200).startsWith("x".repeat(189)).contains("\u2026");
        assertThat(AuditValues.fit("x".repeat(999) + "2", 200))
                .as("values that differ beyond the column stay apart")
                .isNotEqualTo(fitted)
                .hasSize(200);
        assertThat(AuditValues.fit(subject, 200))
                .as("the same value, the same fit")
                .isEqualTo(fitted);
    }

    @Test
    void aShortColumnIsCutWithoutADigest() {
        assertThat(AuditValues.fit("PROPPATCHING", 10)).isEqualTo("PROPPATCHI");
    }

    @Test
    void noCutSplitsASurrogatePairAndNoNulReachesTheDatabase() {
        String emoji = "\uD83D\uDE00";
        assertThat(AuditValues.fit("abcdefghi" + emoji, 10)).isEqualTo("abcdefghi");
        assertThat(AuditValues.fit("a\u0000b", 10)).isEqualTo("a\uFFFDb");
    }

    @Test
    void rolesPutFootworksFirstAndCountWhatDoesNotFit() {
        Set<String> groups = new LinkedHashSet<>();
        for (int i = 0; i < 499; i++) {
            groups.add(String.format("group-%03d", i));
        }
        groups.add("clinician");

        String roles = AuditValues.names(groups, 200);

        assertThat(roles)
                .hasSizeLessThanOrEqualTo(200)
                .startsWith("clinician,group-000,group-001,");
        int kept = roles.substring(0, roles.indexOf('\u2026')).split(",").length;
        assertThat(roles).endsWith("\u2026+" + (500 - kept));
        assertThat(AuditValues.names(List.of("patient"), 200)).isEqualTo("patient");
        assertThat(AuditValues.names(Set.of(), 200)).isEmpty();
    }

    @Test
    void oneRoleLongerThanTheColumnIsFittedAsAValue() {
        assertThat(AuditValues.names(List.of("r".repeat(500)), 200)).hasSize(200);
    }
}
