package cn.gov.jgsw.ops.ledger;

import cn.gov.jgsw.domain.audit.api.WitnessChildTreeHeadCommand;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.CommandMetadata;
import cn.gov.jgsw.tenants.api.TenantDirectory;
import cn.gov.jgsw.tenants.api.TenantView;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.Optional;
import java.util.Set;

/**
 * Records every signed tree head of a bureau in its parent bureau's history (a province has no parent): the parent's
 * ledger then includes it, so that a rewritten county history contradicts what the city's ledger holds.
 */
public class ParentWitness {

    private final TenantDirectory tenants;
    private final CommandGateway commands;

    public ParentWitness(TenantDirectory tenants, CommandGateway commands) {
        this.tenants = tenants;
        this.commands = commands;
    }

    public void witness(SignedTreeHead signed) {
        String child = signed.head().tenantId();
        Optional<String> parent = tenants.findTenant(child).map(TenantView::parentId);
        if (parent.isEmpty() || signed.head().size() == 0) {
            return;
        }
        Caller ledger = new Caller("system-ledger", parent.get(), null, Set.of(), "platform/ledger");
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new WitnessChildTreeHeadCommand(
                        WitnessChildTreeHeadCommand.witnessIdOf(child, signed.head().size()), parent.get(), child,
                        signed.head().size(), signed.head().rootHex(), signed.head().issuedAt().toString(),
                        signed.publicKeyHex(), signed.signatureHex()))
                .andMetaData(CommandMetadata.of(ledger, null, null)));
    }
}
