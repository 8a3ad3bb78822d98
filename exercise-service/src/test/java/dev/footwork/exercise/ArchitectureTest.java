package dev.footwork.exercise;

import dev.footwork.testkit.ServiceLayersTest;

/** The layers of exercise-service (see its README), checked on the compiled classes. */
class ArchitectureTest extends ServiceLayersTest {

    ArchitectureTest() {
        super("dev.footwork.exercise");
    }
}
