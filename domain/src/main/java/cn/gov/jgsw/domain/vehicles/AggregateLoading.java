package cn.gov.jgsw.domain.vehicles;

import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/** Loading an aggregate that a command names by id: a missing or empty id is "not found", like another bureau's. */
final class AggregateLoading {

    private AggregateLoading() {
    }

    static <T> Aggregate<T> load(Repository<T> repository, String id, String kind) {
        if (id == null || id.isBlank()) {
            throw new ObjectNotFoundException(kind + " without id");
        }
        try {
            return repository.load(id);
        } catch (AggregateNotFoundException missing) {
            throw new ObjectNotFoundException(kind + " " + id);
        }
    }
}
