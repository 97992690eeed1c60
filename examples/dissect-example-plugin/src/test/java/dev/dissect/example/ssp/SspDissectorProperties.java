package dev.dissect.example.ssp;

import dev.dissect.api.spi.DissectorProvider;
import dev.dissect.testkit.contract.DissectorContract;
import net.jqwik.api.Arbitrary;

/** The testkit's packet-dissector contract, run against SSP over UDP (the dissector and its heuristic). */
class SspDissectorProperties extends DissectorContract {
    @Override
    protected DissectorProvider provider() {
        return new SspProvider();
    }

    @Override
    protected Arbitrary<byte[]> validMessages() {
        return SspArbitraries.messages();
    }
}
