package dev.footwork.contracts.events;

/** Resistance band colours from lightest to heaviest. */
public enum BandColour {
    YELLOW,
    RED,
    GREEN,
    BLUE,
    BLACK
}
