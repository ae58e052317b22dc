package cn.gov.jgsw.graphql.units;

import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import cn.gov.jgsw.graphql.cursors.CursorCodec;
import cn.gov.jgsw.graphql.runtime.Connection;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.UnitDirectory;
import cn.gov.jgsw.tenants.api.UnitView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;


/** Units of the caller's bureau. Another bureau's unit answers exactly like an id that does not exist. */
@Controller
public class UnitController {

    static final String LIST = "units";
    static final int MAX_PAGE = 100;

    private final UnitDirectory units;
    private final CursorCodec cursors;

    public UnitController(UnitDirectory units, CursorCodec cursors) {
        this.units = units;
        this.cursors = cursors;
    }

    @QueryMapping
    public UnitView unit(@Argument String id, Caller caller) {
        return units.findUnit(caller.tenantId(), id)
                .orElseThrow(() -> new ObjectNotFoundException("unit " + id));
    }

    @QueryMapping
    public Connection<UnitView> units(@Argument Integer first, @Argument String after,
                                      Caller caller) {
        int pageSize = Connection.pageSize(first, MAX_PAGE);
        String afterId = after == null ? null : cursors.decode(caller, LIST, after);
        return Connection.ofOneMore(units.units(caller.tenantId(), afterId, pageSize + 1), pageSize,
                unit -> cursors.encode(caller, LIST, unit.id()), afterId == null);
    }
}
