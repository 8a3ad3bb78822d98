package dev.footwork.progress.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footwork.progress.ServiceQuarkusTest;
import dev.footwork.progress.support.ManyPatients;
import dev.footwork.testkit.ClinicWideScans;
import dev.footwork.testkit.JdbcDatabase;
import dev.footwork.testkit.SequentialScans;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An erasure finds the patient's rows through indexes, so that erasing one patient costs what that
 * patient stored: with the tables holding the rows of thousands of patients in 50 clinics,
 * analysed, no statement of {@link PatientDeletes} reads a table sequentially in its generic plan,
 * nor reads the whole clinic's part of it ({@link ClinicWideScans}).
 */
@ServiceQuarkusTest
class PatientDeletesTest {

    @Inject AgroalDataSource dataSource;

    @BeforeEach
    void manyPatientsInManyClinics() throws SQLException {
        ManyPatients.seed(dataSource);
    }

    @Test
    void anErasureReadsOnlyThePatientsRows() throws SQLException {
        // JPA's ?1 as the $1 that EXPLAIN takes
        List<String> statements =
                PatientDeletes.STATEMENTS.stream()
                        .map(sql -> sql.replaceAll("\\?(\\d+)", "\\$$1"))
                        .toList();
        JdbcDatabase database = JdbcDatabase.ofQuarkusDatasource();

        assertThat(SequentialScans.in(database, statements))
                .as("statements of an erasure that read a table sequentially")
                .isEmpty();
        assertThat(ClinicWideScans.in(database, statements))
                .as("statements of an erasure that read the clinic's rows of a table")
                .isEmpty();
    }
}
