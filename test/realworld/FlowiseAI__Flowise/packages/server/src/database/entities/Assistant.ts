// STUB — not a copy from FlowiseAI/Flowise. The real entity file is not part of this corpus; this stub
// only declares what 1743758056188-FixOpenSourceAssistantTable.ts uses, so that the repository's
// `tsc -p .` (which compiles test/**/*.ts) type-checks.
export class Assistant {
    id!: string
    details!: string
}
