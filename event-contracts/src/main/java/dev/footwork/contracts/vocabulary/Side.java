package dev.footwork.contracts.vocabulary;

/** Which foot. */
public enum Side {
    LEFT,
    RIGHT
}
