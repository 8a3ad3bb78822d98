package dev.footwork.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PatientKeyTest {

    @Test
    void writesClinicColonPatientAndParsesItBack() {
        PatientKey key = new PatientKey("clinic-7", "p-4f2a9c");

        assertThat(key.toString()).isEqualTo("clinic-7:p-4f2a9c");
        assertThat(PatientKey.parse(key.toString())).isEqualTo(key);
    }

    @Test
    void acceptsEveryAllowedCharacterUpToSixtyFourOfThem() {
        String longest = "a".repeat(64);

        assertThat(new PatientKey("Clinic_7.eu-west", longest).patientRef()).isEqualTo(longest);
        assertThat(PatientKey.parse("c:" + longest).patientRef()).isEqualTo(longest);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"clinic:7", "clinic 7", "klinik-ä", "clinic/7"})
    void rejectsABadClinicId(String clinicId) {
        assertThatIllegalArgumentException().isThrownBy(() -> new PatientKey(clinicId, "p-1"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"p:1", "Jane Doe", "jane@example.org"})
    void rejectsABadPatientRef(String patientRef) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PatientKey("clinic-7", patientRef));
    }

    @Test
    void rejectsATokenLongerThanSixtyFour() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PatientKey("clinic-7", "p".repeat(65)));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"clinic-7", ":p-1", "clinic-7:", "clinic-7:p-1:extra"})
    void rejectsAKeyThatIsNotExactlyTwoTokens(String key) {
        assertThatIllegalArgumentException().isThrownBy(() -> PatientKey.parse(key));
    }

    @Test
    void isTokenIsFalseForNull() {
        assertThat(PatientKey.isToken(null)).isFalse();
        assertThat(PatientKey.isToken("clinic-7")).isTrue();
    }
}
