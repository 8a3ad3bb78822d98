package dev.footwork.contracts.events;

/** Which foot. */
public enum Side {
    LEFT,
    RIGHT
}
