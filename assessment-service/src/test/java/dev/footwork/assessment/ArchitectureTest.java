package dev.footwork.assessment;

import dev.footwork.testkit.ServiceLayersTest;

/** The layers of assessment-service (see its README), checked on the compiled classes. */
class ArchitectureTest extends ServiceLayersTest {

    ArchitectureTest() {
        super("dev.footwork.assessment");
    }
}
