import { DefaultConfigurationProvider, URI, type ConfigurationInitializedParams } from 'langium';
import type { DocumentUpdateHandler } from 'langium/lsp';
import type { DidChangeConfigurationParams, InitializeParams } from 'vscode-languageserver-protocol';
import { SETTINGS_SECTION, type RawPerfSettings } from './perf-settings.js';
import { NO_PROJECT_CONFIG, PROJECT_CONFIG_FILE, ProjectConfigError, readProjectConfig, withProjectSettings, type ProjectConfig } from './project-config.js';

/**
 * The `perf` section as PerfSettings receives it: the user's settings (the client's, or the CLI's options) over
 * the project's perf.config.json. Langium announces a section only when the client pushes a change; the
 * configuration it fetches when the client connects is stored silently. Announcing that one too, and again
 * when perf.config.json changes, gives PerfSettings one way in for all of them.
 */
export class PerfConfigurationProvider extends DefaultConfigurationProvider {

    private project: ProjectConfig = NO_PROJECT_CONFIG;
    private userSettings: RawPerfSettings | undefined;
    private workspaceFolder: string | undefined;

    override initialize(params: InitializeParams): void {
        super.initialize(params);
        const root = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
        this.workspaceFolder = root ? URI.parse(root).fsPath : undefined;
        this.reloadProjectConfig();
    }

    override async initialized(params: ConfigurationInitializedParams): Promise<void> {
        await super.initialized(params);
        if (!(SETTINGS_SECTION in this.settings)) {
            // A client without workspace/configuration sends no settings: perf.config.json alone applies.
            this.updateSectionConfiguration(SETTINGS_SECTION, undefined);
        }
        for (const [section, configuration] of Object.entries(this.settings)) {
            this.onConfigurationSectionUpdateEmitter.fire({ section, configuration });
        }
    }

    /** Like Langium's, but announces the merged section (not the raw change). */
    override updateConfiguration(change: DidChangeConfigurationParams): void {
        if (typeof change.settings !== 'object' || change.settings === null) {
            return;
        }
        for (const [section, configuration] of Object.entries(change.settings as Record<string, unknown>)) {
            this.updateSectionConfiguration(section, configuration);
            this.onConfigurationSectionUpdateEmitter.fire({ section, configuration: this.settings[section] });
        }
    }

    protected override updateSectionConfiguration(section: string, configuration: unknown): void {
        if (section === SETTINGS_SECTION) {
            this.userSettings = configuration as RawPerfSettings | undefined;
            configuration = withProjectSettings(this.project.settings, this.userSettings);
        }
        super.updateSectionConfiguration(section, configuration);
    }

    /** The project configuration beneath the user's settings (the CLI passes the one it found). */
    useProjectConfig(project: ProjectConfig): void {
        this.project = project;
        if (SETTINGS_SECTION in this.settings) {
            this.updateConfiguration({ settings: { [SETTINGS_SECTION]: this.userSettings } });
        }
    }

    /** Reads perf.config.json again whenever the editor reports a change to it (Langium watches every file). */
    watchProjectConfig(updates: Pick<DocumentUpdateHandler, 'onWatchedFilesChange'>): void {
        updates.onWatchedFilesChange(({ changes }) => {
            if (changes.some(change => change.uri.endsWith(`/${PROJECT_CONFIG_FILE}`))) {
                this.reloadProjectConfig();
            }
        });
    }

    /** Reads the workspace root's perf.config.json again. */
    reloadProjectConfig(): void {
        if (!this.workspaceFolder) {
            return;
        }
        try {
            this.useProjectConfig(readProjectConfig(this.workspaceFolder));
        } catch (error) {
            if (!(error instanceof ProjectConfigError)) {
                throw error;
            }
            console.warn(error.message); // the server keeps the user's settings alone; the output channel shows why
            this.useProjectConfig(NO_PROJECT_CONFIG);
        }
    }
}
