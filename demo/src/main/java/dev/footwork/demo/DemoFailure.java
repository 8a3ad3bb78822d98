package dev.footwork.demo;

/** An answer the demo did not expect: it stops the demo, and its message says what came back. */
final class DemoFailure extends RuntimeException {
    DemoFailure(String message) {
        super(message);
    }
}
