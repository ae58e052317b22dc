package cn.gov.jgsw.tenants.api;

/**
 * A collection that screens read in pages, declared next to the read model that keeps it, as a bean: the embedded
 * store keeps the tenant-first indexes of such a collection as lists in memory and answers a page from them, where it
 * would otherwise read the whole collection at every page. A paged query of a collection nobody declared is logged,
 * and refused in the tests, so a new list screen cannot go unnoticed.
 *
 * @param name       the collection
 * @param keptAsList whether the embedded store keeps its lists; false for a collection too large to hold in memory
 *                   entry by entry, whose pages are read by scanning on the embedded store on purpose (a real MongoDB
 *                   answers them from its indexes either way)
 */
public record PagedCollection(String name, boolean keptAsList) {

    /** The field every list query of the platform fixes first. */
    public static final String OWNER_FIELD = "tenantId";

    /** Paged by its screens, and kept as lists on the embedded store. */
    public static PagedCollection of(String name) {
        return new PagedCollection(name, true);
    }

    /** Paged by its screens, and on purpose scanned on the embedded store. */
    public static PagedCollection scannedOnTheEmbeddedStore(String name) {
        return new PagedCollection(name, false);
    }
}
