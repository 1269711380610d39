// STUB — not a copy from FlowiseAI/Flowise. The real entity file is not part of this corpus; this stub
// only exports what 1755066758601-ModifyChatflowType.ts imports, so that the repository's `tsc -p .`
// (which compiles test/**/*.ts) type-checks. The value matches Flowise's EnumChatflowType.CHATFLOW.
export enum EnumChatflowType {
    CHATFLOW = 'CHATFLOW'
}
