package dev.footwork.support.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void anExhaustedPoolIsTheDatabaseBeingUnavailable() {
        var failure =
                new PersistenceException(
                        "Unable to acquire JDBC Connection",
                        new SQLException("Sorry, acquisition timeout!"));

        assertThat(DatabaseUnavailable.in(failure)).contains("Sorry, acquisition timeout!");
    }

    @Test
    void connectionStatesAndServerShutdownAreUnavailable() {
        for (String state : new String[] {"08001", "08006", "53300", "57P01", "57P03"}) {
            var failure = new RuntimeException(new SQLException("refused", state));
            assertThat(DatabaseUnavailable.in(failure)).as(state).isPresent();
        }
        assertThat(DatabaseUnavailable.in(new SQLTransientConnectionException("gone"))).isPresent();
    }

    @Test
    void constraintViolationsAndOtherFaultsAreNot() {
        assertThat(DatabaseUnavailable.in(new SQLException("duplicate key", "23505"))).isEmpty();
        assertThat(DatabaseUnavailable.in(new SQLException("no state, other message"))).isEmpty();
        assertThat(DatabaseUnavailable.in(new IllegalStateException("a bug"))).isEmpty();
    }
}
