package io.rolegate.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.Semaphore;

import org.junit.jupiter.api.Test;

/** A request's place is given back exactly once, however its answer, its end and its waits for AWS interleave. */
class AdmissionTicketTest {

    private final Semaphore places = new Semaphore(2, true);

    private Admission.Ticket admitted() {
        places.acquireUninterruptibly();
        return new Admission.Ticket(places);
    }

    @Test
    void leavingTwiceGivesThePlaceBackOnce() {
        Admission.Ticket ticket = admitted();
        assertEquals(1, places.availablePermits());
        ticket.leave(); // the response filter
        ticket.leave(); // the end of the exchange
        assertEquals(2, places.availablePermits());
    }

    @Test
    void whileAwayThePlaceIsFreeAndItIsTakenAgainAfterwards() {
        Admission.Ticket ticket = admitted();
        assertEquals(2, (int) ticket.away(places::availablePermits), "free while waiting for AWS");
        assertEquals(1, places.availablePermits(), "taken again");
        ticket.leave();
        assertEquals(2, places.availablePermits());
    }

    @Test
    void aWaitThatFailsStillTakesThePlaceAgain() {
        Admission.Ticket ticket = admitted();
        assertThrows(IllegalStateException.class, () -> ticket.away(() -> {
            throw new IllegalStateException("AWS timed out");
        }));
        assertEquals(1, places.availablePermits());
        ticket.leave();
        assertEquals(2, places.availablePermits());
    }

    @Test
    void anExchangeThatEndsWhileAwayIsNotGivenAPlaceAfterwards() {
        Admission.Ticket ticket = admitted();
        ticket.away(() -> {
            ticket.leave(); // the client went away meanwhile
            return null;
        });
        assertEquals(2, places.availablePermits());
        ticket.leave();
        assertEquals(2, places.availablePermits());
    }

    @Test
    void aNestedWaitDoesNotGiveThePlaceTwice() {
        Admission.Ticket ticket = admitted();
        int inner = ticket.away(() -> ticket.away(places::availablePermits));
        assertEquals(2, inner);
        assertEquals(1, places.availablePermits());
    }

    @Test
    void aRequestThatLeftRunsItsLaterWaitsWithoutAPlace() {
        Admission.Ticket ticket = admitted();
        ticket.leave();
        assertEquals(2, (int) ticket.away(places::availablePermits));
        assertEquals(2, places.availablePermits());
    }
}
