package dev.footwork.support.application;

import java.util.List;

/**
 * What the command names does not exist for the caller, or exists in another clinic or for another
 * patient, which must look the same.
 */
public final class NotFound extends ApplicationException {

    /**
     * @param what names the missing thing, e.g. {@code plan 1234}
     */
    public NotFound(String what) {
        this("not-found", what);
    }

    public NotFound(String code, String what) {
        super(code, what + " does not exist", List.of());
    }
}
