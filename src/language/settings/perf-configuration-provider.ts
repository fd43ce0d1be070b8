import { DefaultConfigurationProvider, type ConfigurationInitializedParams } from 'langium';

/**
 * Langium announces a section only when the client pushes a change; the configuration it fetches when the
 * client connects is stored silently. Announcing that one too gives PerfSettings one way in for both.
 */
export class PerfConfigurationProvider extends DefaultConfigurationProvider {

    override async initialized(params: ConfigurationInitializedParams): Promise<void> {
        await super.initialized(params);
        for (const [section, configuration] of Object.entries(this.settings)) {
            this.onConfigurationSectionUpdateEmitter.fire({ section, configuration });
        }
    }
}
