package dev.footwork.exercise.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.footwork.exercise.ServiceQuarkusTest;
import dev.footwork.support.security.Roles;
import dev.footwork.testkit.DevTokens;
import org.junit.jupiter.api.Test;

@ServiceQuarkusTest
class ExerciseResourceTest {

    @Test
    void theCatalogueListsTheSixExercises() {
        given().header("Authorization", DevTokens.bearer(Roles.PATIENT, "clinic-a"))
                .get("/api/v1/exercises")
                .then()
                .statusCode(200)
                .body("", hasSize(6))
                .body("[0].id", equalTo("towel-grab"))
                .body("[5].id", equalTo("band-eversion"));
    }

    @Test
    void aBandExerciseSaysWhichWayTheBandPullsEachFoot() {
        given().header("Authorization", DevTokens.bearer(Roles.PATIENT, "clinic-a"))
                .get("/api/v1/exercises/band-inversion")
                .then()
                .statusCode(200)
                .body("band.pull.RIGHT", equalTo("to your right (outwards)"))
                .body("band.pull.LEFT", equalTo("to your left (outwards)"))
                .body("instructions", hasSize(5));
    }

    @Test
    void anUnknownExerciseIsNotFound() {
        given().header("Authorization", DevTokens.bearer(Roles.PATIENT, "clinic-a"))
                .get("/api/v1/exercises/moonwalk")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
