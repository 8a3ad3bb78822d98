package dev.footwork.contracts.vocabulary;

/** Resistance band colours from lightest to heaviest. */
public enum BandColour {
    YELLOW,
    RED,
    GREEN,
    BLUE,
    BLACK
}
