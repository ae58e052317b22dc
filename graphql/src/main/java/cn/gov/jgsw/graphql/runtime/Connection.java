package cn.gov.jgsw.graphql.runtime;

import cn.gov.jgsw.domain.shared.api.BusinessRuleViolation;
import cn.gov.jgsw.domain.shared.api.CommonErrorCode;

import java.util.List;
import java.util.function.Function;

/**
 * A Relay connection page: edges with opaque cursors and the page information, the shape of every list of the API.
 *
 * @param edges    the entries with their cursors
 * @param pageInfo where the page stands
 * @param <T>      the node type
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

    public record Edge<T>(String cursor, T node) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    /**
     * @param nodes       the page's nodes, in order
     * @param cursorOf    the cursor of a node
     * @param hasNextPage whether nodes follow
     * @param isFirstPage whether this page started at the beginning of the list
     */
    public static <T> Connection<T> of(List<T> nodes, Function<T, String> cursorOf, boolean hasNextPage,
                                       boolean isFirstPage) {
        List<Edge<T>> edges = nodes.stream().map(n -> new Edge<>(cursorOf.apply(n), n)).toList();
        return new Connection<>(edges, new PageInfo(hasNextPage, !isFirstPage,
                edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
    }

    /**
     * A page read with one node more than asked for: the extra node only tells that another page follows, which spares
     * a count query.
     *
     * @param nodesAndOneMore up to {@code pageSize + 1} nodes, in order
     */
    public static <T> Connection<T> ofOneMore(List<T> nodesAndOneMore, int pageSize, Function<T, String> cursorOf,
                                              boolean isFirstPage) {
        return of(nodesAndOneMore.subList(0, Math.min(pageSize, nodesAndOneMore.size())), cursorOf,
                nodesAndOneMore.size() > pageSize, isFirstPage);
    }

    /** The page size asked for, checked: between 1 and {@code maximum}. */
    public static int pageSize(Integer first, int maximum) {
        int size = first == null ? 20 : first;
        if (size < 1 || size > maximum) {
            throw new BusinessRuleViolation(CommonErrorCode.INVALID_INPUT, "page size " + size);
        }
        return size;
    }
}
