package cn.gov.jgsw.projections.vehicles;

import cn.gov.jgsw.domain.vehicles.api.GeoPoint;
import cn.gov.jgsw.domain.vehicles.api.PositionFix;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;

/** One way to keep a position fix in a document, wherever fixes are kept (tracks, fence watches, alert cases). */
public final class FixDocuments {

    private FixDocuments() {
    }

    /** The fix with its moment ({@code at}). */
    public static Document of(PositionFix fix) {
        return withoutMoment(fix).append("at", Date.from(fix.at()));
    }

    /** The fix without its moment, for where the moment is the key. */
    public static Document withoutMoment(PositionFix fix) {
        return new Document("lat", fix.point().latitude())
                .append("lon", fix.point().longitude())
                .append("speedKmh", fix.speedKmh())
                .append("accuracyMetres", fix.accuracyMetres());
    }

    public static PositionFix fix(Document fix) {
        return fix(fix.getDate("at").toInstant(), fix);
    }

    public static PositionFix fix(Instant at, Document fix) {
        Number speed = (Number) fix.get("speedKmh");
        return new PositionFix(at, new GeoPoint(((Number) fix.get("lat")).doubleValue(),
                ((Number) fix.get("lon")).doubleValue()), speed == null ? null : speed.doubleValue(),
                ((Number) fix.get("accuracyMetres")).doubleValue());
    }
}
