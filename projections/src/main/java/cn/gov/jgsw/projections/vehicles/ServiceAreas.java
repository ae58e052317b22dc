package cn.gov.jgsw.projections.vehicles;

import cn.gov.jgsw.domain.vehicles.api.GeoPoint;
import cn.gov.jgsw.domain.vehicles.api.ServiceArea;
import cn.gov.jgsw.domain.vehicles.api.ServiceAreaSetEvent;
import cn.gov.jgsw.projections.vehicles.api.FindServiceAreaQuery;
import cn.gov.jgsw.projections.vehicles.api.ServiceAreaView;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** Keeps {@code service_areas}, one document per bureau with its current service area and version. */
@Component
@ProcessingGroup(ServiceAreas.PROCESSING_GROUP)
public class ServiceAreas {

    public static final String PROCESSING_GROUP = "service-areas";

    private final MongoCollection<Document> areas;

    public ServiceAreas(MongoDatabase platformDatabase) {
        this.areas = platformDatabase.getCollection("service_areas");
    }

    @EventHandler
    void on(ServiceAreaSetEvent event, @SequenceNumber long sequence) {
        Document current = areas.find(Filters.eq("_id", event.tenantId())).first();
        if (current != null && current.getLong("version") >= sequence) {
            return;
        }
        areas.replaceOne(Filters.eq("_id", event.tenantId()), new Document("_id", event.tenantId())
                        .append("tenantId", event.tenantId())
                        .append("boundary", event.area().boundary().stream().map(point -> new Document("lat",
                                point.latitude()).append("lon", point.longitude())).toList())
                        .append("version", sequence),
                new ReplaceOptions().upsert(true));
    }

    @QueryHandler
    ServiceAreaView handle(FindServiceAreaQuery query) {
        Document area = areas.find(Filters.eq("_id", query.tenantId())).first();
        return area == null ? new ServiceAreaView(null, null) : new ServiceAreaView(new ServiceArea(
                area.getList("boundary", Document.class).stream().map(point -> new GeoPoint(
                        point.getDouble("lat"), point.getDouble("lon"))).toList()), area.getLong("version"));
    }
}
