package cn.gov.jgsw.ops.axon;

import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToRetrieveIdentifierException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.List;
import java.util.Optional;

/**
 * A token store that writes a processor's position only after the events its unit of work appended (处理位置后写):
 * a process that handles an event by sending a command (the approval processes) must not be past that event before
 * the command's events are stored.
 * <p>
 * Axon's tracking processor writes its token when its unit of work prepares to commit, and the events of the commands
 * it sent are appended in the same phase, after it: the token handler was registered first. Without a transaction
 * spanning both (the platform has none, ADR 0005), a hard kill between the two left the position past an order whose
 * approval was never routed. The fault drill found it (BENCHMARKS.md). Here a token written while a unit of work
 * prepares to commit is written when it commits, after everything the phase appended. A kill in between makes the
 * processor handle the event again, so what it does must hold when done twice: routing an approval that exists does
 * nothing ({@code ApprovalRouter}), and the other commands of the processes are refused by their aggregates inside
 * the command (ADR 0019).
 * <p>
 * Every other call goes to the store as it is.
 */
final class TokenAfterEventsStore implements TokenStore {

    private final TokenStore store;

    TokenAfterEventsStore(TokenStore store) {
        this.store = store;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        if (CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().phase() == UnitOfWork.Phase.PREPARE_COMMIT) {
            CurrentUnitOfWork.get().onCommit(unitOfWork -> store.storeToken(token, processorName, segment));
        } else {
            store.storeToken(token, processorName, segment);
        }
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        store.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        store.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) throws UnableToClaimTokenException {
        return store.fetchToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) throws UnableToClaimTokenException {
        return store.fetchToken(processorName, segment);
    }

    @Override
    public void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
        store.extendClaim(processorName, segment);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        store.releaseClaim(processorName, segment);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        store.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) throws UnableToClaimTokenException {
        store.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return store.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return store.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return store.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() throws UnableToRetrieveIdentifierException {
        return store.retrieveStorageIdentifier();
    }
}
