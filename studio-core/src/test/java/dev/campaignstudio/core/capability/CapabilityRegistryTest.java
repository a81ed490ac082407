package dev.campaignstudio.core.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CapabilityRegistryTest {

    /** A script-writing adapter that writes one fixed line. */
    private static final class Writer implements CapabilityAdapter, ScriptWriting {
        private final String name;

        Writer(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Set<Capability> capabilities() {
            return EnumSet.of(Capability.SCRIPT);
        }

        @Override
        public Script write(ScriptRequest request) {
            return new Script(List.of(new Segment("hook", name)));
        }

        @Override
        public Brief interpret(BriefRequest request) {
            return new Brief(name, "calm", "home", "Hi");
        }

        @Override
        public UgcScript ugcScript(UgcScriptRequest request) {
            return new UgcScript(List.of(new Shot(1, ShotKind.TALKING, name, "talks")));
        }
    }

    @Test
    void bindsEachCapabilityToTheNamedAdapter() throws Exception {
        CapabilityRegistry registry =
                CapabilityRegistry.bind(Map.of(Capability.SCRIPT, "b"), List.of(new Writer("a"), new Writer("b")));
        ScriptWriting writer =
                registry.port(Capability.SCRIPT, ScriptWriting.class).orElseThrow();
        assertThat(writer.write(null).text()).isEqualTo("b");
        assertThat(registry.adapterName(Capability.SCRIPT)).contains("b");
        assertThat(registry.port(Capability.IMAGE, ImageGeneration.class))
                .as("unbound")
                .isEmpty();
    }

    @Test
    void refusesANameNoAdapterHasOrAnAdapterThatDoesNotServeTheCapability() {
        assertThatThrownBy(() ->
                        CapabilityRegistry.bind(Map.of(Capability.SCRIPT, "openai"), List.of(new Writer("local"))))
                .hasMessageContaining("studio.capabilities.script=openai")
                .hasMessageContaining("available: local");
        assertThatThrownBy(
                        () -> CapabilityRegistry.bind(Map.of(Capability.IMAGE, "local"), List.of(new Writer("local"))))
                .hasMessageContaining("does not serve image");
    }

    @Test
    void aPortIsAskedForByItsOwnType() {
        CapabilityRegistry registry = CapabilityRegistry.bind(Map.of(), List.of());
        assertThatThrownBy(() -> registry.port(Capability.SCRIPT, ImageGeneration.class))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
