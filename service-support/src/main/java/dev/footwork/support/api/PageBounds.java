package dev.footwork.support.api;

/**
 * The bound on the {@code page} parameter of every paged endpoint. A page is read at offset {@code
 * page * size}, which Panache and Hibernate compute as an {@code int}: with pages up to {@value
 * #MAX_PAGE} and sizes up to {@value #MAX_SIZE} the offset stays below {@link Integer#MAX_VALUE},
 * where a larger page number overflowed into a negative offset and a 500. Deeper than that, a
 * client narrows the query (the audit trail's {@code from}/{@code to}) instead of paging on.
 */
public final class PageBounds {

    /** The highest page number a paged endpoint accepts (pages count from 0). */
    public static final int MAX_PAGE = 1_000_000;

    /** The largest page size any paged endpoint may allow; each states its own, at most this. */
    public static final int MAX_SIZE = 200;

    /** How the page parameter is described in the OpenAPI documents. */
    public static final String PAGE_DESCRIPTION = "Page number, from 0 to " + MAX_PAGE;

    private PageBounds() {}
}
