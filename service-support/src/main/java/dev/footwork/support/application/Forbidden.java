package dev.footwork.support.application;

import java.util.List;

/** The caller is who they say, but may not do this. */
public final class Forbidden extends ApplicationException {

    public Forbidden(String detail) {
        super("forbidden", detail, List.of());
    }
}
