package io.tokengovernor.web.inspector;

import io.tokengovernor.inspector.entity.Reservation;
import io.tokengovernor.web.usage.DirectiveView;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a reservation request. */
@Schema(name = "Reservation")
public class ReservationView {

    @Schema(description = "Present when granted; name it in the usage event that spends it")
    public String reservationId;
    public boolean granted;
    public long tokens;
    public Instant expiresAt;
    public String reason;
    public DirectiveView directive;

    static ReservationView of(Reservation reservation) {
        ReservationView view = new ReservationView();
        view.reservationId = reservation.reservationId();
        view.granted = reservation.granted();
        view.tokens = reservation.tokens();
        view.expiresAt = reservation.expiresAt();
        view.reason = reservation.reason();
        view.directive = DirectiveView.of(reservation.directive());
        return view;
    }
}
