import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices,
    type PartialLangiumSharedServices
} from 'langium/lsp';
import { PerfLexerErrorMessageProvider, PerfParserErrorMessageProvider } from './perf-error-messages.js';
import { PerfLexer } from './perf-lexer.js';
import { documentParser } from './langium-speed/grammar-reader.js';
import { PerfValueConverter } from './perf-value-converter.js';
import { PerfGeneratedModule, PerfGeneratedSharedModule } from './generated/module.js';
import { PerfScopeComputation, PerfScopeProvider } from './perf-scope.js';
import { PerfValidator, registerValidationChecks } from './perf-validator.js';
import { PerfDocumentValidator } from './validation/perf-document-validator.js';
import { PerfValidationRegistry } from './langium-speed/perf-validation-registry.js';
import { PerfCodeActionProvider } from './perf-code-actions.js';
import { PerfWorkspaceManager } from './perf-workspace-manager.js';
import { SizeLimitedDocumentFactory } from './document-size.js';
import { CompactReferenceDescriptionProvider } from './langium-speed/compact-reference-descriptions.js';
import { ClosedDocumentCst } from './langium-speed/closed-document-cst.js';
import { ClosedDocumentCommentProvider, ClosedDocumentNameProvider } from './langium-speed/closed-document-providers.js';
import { PerfLinker } from './langium-speed/perf-linker.js';
import { PerfDocumentBuilder } from './langium-speed/perf-document-builder.js';
import { PerfLangiumDocuments } from './langium-speed/perf-documents.js';
import { PerfFormatter } from './lsp/formatter.js';
import { PerfCompletionProvider } from './lsp/completion-provider.js';
import { IndicatorNameIndex } from './lsp/indicator-name-index.js';
import { PerfHoverProvider } from './lsp/hover-provider.js';
import { PerfRenameProvider } from './lsp/rename-provider.js';
import { PerfInlayHintProvider } from './lsp/inlay-hints.js';
import { PerfWorkspaceSymbolProvider } from './lsp/workspace-symbols.js';
import { PerfDocumentSymbolProvider } from './lsp/document-symbols.js';
import { PerfFoldingRangeProvider } from './lsp/folding-ranges.js';
import { PerfSemanticTokenProvider } from './lsp/semantic-tokens.js';
import { PerfDocumentUpdateHandler } from './lsp/slow-checks-on-save.js';
import { PerfSettings } from './settings/perf-settings.js';
import { PerfConfigurationProvider } from './settings/perf-configuration-provider.js';
import { rebuildWhenSettingsChange } from './settings/settings-rebuild.js';

/** Services added to Langium's defaults. */
export interface PerfAddedServices {
    settings: {
        /** The one owner of catalog, rule levels and rounding tolerance, as the editor or the CLI sets them. */
        PerfSettings: PerfSettings;
    };
    validation: {
        PerfValidator: PerfValidator;
    };
    references: {
        ScopeProvider: PerfScopeProvider;
    };
    workspace: {
        /** The CST of closed files: dropped once validated, parsed again when a feature needs it. */
        ClosedDocumentCst: ClosedDocumentCst;
    };
    lsp: {
        /** Indicator names used in the workspace, for completion. */
        IndicatorNameIndex: IndicatorNameIndex;
    };
}

export type PerfServices = LangiumServices & PerfAddedServices;

/** The map of the language: every service perf replaces or adds, by concern. */
export const PerfModule: Module<PerfServices, PartialLangiumServices & PerfAddedServices> = {
    settings: {
        PerfSettings: (services) => new PerfSettings(services.shared.workspace.ConfigurationProvider)
    },
    parser: {
        // One mistake on a line is one error: recovery from unclosed quotes and mistyped keywords.
        Lexer: (services) => new PerfLexer(services),
        // Both quote kinds, "…" and “…”, read through quoted-text.ts.
        ValueConverter: () => new PerfValueConverter(),
        // Text without mistakes read by a reader compiled from the grammar, ~3× faster than Langium's parser;
        // any other text goes to Langium's, for its error recovery (langium-speed/grammar-reader.ts).
        LangiumParser: (services) => documentParser(services),
        ParserErrorMessageProvider: () => new PerfParserErrorMessageProvider(),
        LexerErrorMessageProvider: () => new PerfLexerErrorMessageProvider()
    },
    references: {
        Linker: (services) => new PerfLinker(services),
        // Names in a closed file held without its CST: parsed again first (go to definition, rename …).
        NameProvider: (services) => new ClosedDocumentNameProvider(services.workspace.ClosedDocumentCst),
        ScopeComputation: (services) => new PerfScopeComputation(services),
        ScopeProvider: (services) => new PerfScopeProvider(services, services.settings.PerfSettings)
    },
    validation: {
        PerfValidator: (services) => new PerfValidator(services.references.ScopeProvider, services.settings.PerfSettings),
        ValidationRegistry: (services) => new PerfValidationRegistry(services),
        DocumentValidator: (services) => new PerfDocumentValidator(services, services.references.ScopeProvider, services.settings.PerfSettings)
    },
    documentation: {
        // Comments of a closed file's departments, kept when it gave up its CST (completion in a summary).
        CommentProvider: (services) => new ClosedDocumentCommentProvider(services, services.workspace.ClosedDocumentCst)
    },
    workspace: {
        ReferenceDescriptionProvider: (services) => new CompactReferenceDescriptionProvider(services),
        ClosedDocumentCst: (services) => new ClosedDocumentCst(services.shared)
    },
    lsp: {
        CodeActionProvider: () => new PerfCodeActionProvider(),
        Formatter: () => new PerfFormatter(),
        CompletionProvider: (services) => new PerfCompletionProvider(services, services.lsp.IndicatorNameIndex),
        IndicatorNameIndex: (services) => new IndicatorNameIndex(services),
        HoverProvider: () => new PerfHoverProvider(),
        // Built-in catalogs are read-only: rename of what they declare is refused with a message.
        RenameProvider: (services) => new PerfRenameProvider(services),
        DocumentSymbolProvider: () => new PerfDocumentSymbolProvider(),
        // Computed 总计/合计 beside the written ones, with the reconciliation's verdict.
        InlayHintProvider: (services) => new PerfInlayHintProvider(services.settings.PerfSettings),
        FoldingRangeProvider: (services) => new PerfFoldingRangeProvider(services),
        SemanticTokenProvider: (services) => new PerfSemanticTokenProvider(services)
    }
};

export const PerfSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        // The configuration the client sends when it connects reaches PerfSettings as a change does.
        ConfigurationProvider: (services) => new PerfConfigurationProvider(services),
        WorkspaceManager: (services) => new PerfWorkspaceManager(services),
        // An edit asks every document of the workspace whether it must be rebuilt: cheap answers at 1,000 files.
        DocumentBuilder: (services) => new PerfDocumentBuilder(services),
        LangiumDocuments: (services) => new PerfLangiumDocuments(services),
        // Any client may send any size: a document over the limit is refused with one error, not parsed.
        LangiumDocumentFactory: (services) => new SizeLimitedDocumentFactory(services)
    },
    lsp: {
        DocumentUpdateHandler: (services) => new PerfDocumentUpdateHandler(services),
        // Projects and indicators too, matched anywhere in their name.
        WorkspaceSymbolProvider: (services) => new PerfWorkspaceSymbolProvider(services)
    }
};

/**
 * Creates the shared and the language services. Without a connection (CLI, tests) the services work on
 * their own; with one (`perf lsp`, VS Code) they serve a language client. `batchModule` replaces services
 * a one-shot command does not need (src/language/langium-speed/batch-module.ts).
 */
export function createPerfServices(context: DefaultSharedModuleContext, batchModule?: Module<PerfServices, PartialLangiumServices>): {
    shared: LangiumSharedServices;
    perf: PerfServices;
} {
    const shared = inject(createDefaultSharedModule(context), PerfGeneratedSharedModule, PerfSharedModule);
    const perf = inject(createDefaultModule({ shared }), PerfGeneratedModule, PerfModule, batchModule);
    shared.ServiceRegistry.register(perf);
    registerValidationChecks(perf.validation.ValidationRegistry, perf.validation.PerfValidator);
    rebuildWhenSettingsChange(shared, perf.settings.PerfSettings);
    if (!context.connection) {
        // No client will send its configuration: use the defaults.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, perf };
}
