package cn.gov.jgsw.tenants.api;

/**
 * A read model's collection that screens read in pages, declared next to the read model as a bean: the embedded store
 * keeps the list indexes of such a collection in memory and answers a page from them, where it would otherwise read
 * the whole collection at every page. A paged query (tenant first, sorted) of a collection not declared is logged, and
 * refused in the tests.
 *
 * @param name the collection
 */
public record PagedCollection(String name) {

    /** The field every list query of the platform fixes first. */
    public static final String OWNER_FIELD = "tenantId";
}
