package cn.gov.jgsw.graphql.units;

import cn.gov.jgsw.tenants.api.UnitView;

import java.util.List;

/** A Relay page of units. */
public record UnitConnection(List<Edge> edges, PageInfo pageInfo) {

    public record Edge(String cursor, UnitView node) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }
}
