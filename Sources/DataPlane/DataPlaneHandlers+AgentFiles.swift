/// The files and vector stores of the Agents API (azure-ai-agents `files.*`, `vector_stores.*`, for
/// the file_search and code_interpreter tools) are not served yet: every verb of their routes
/// answers 501 `NotImplemented` instead of the gateway's 404 (docs/agents.md).
extension DataPlaneHandlers {
    var agentFileRoutes: [DataPlaneRoute] {
        let project = "api/projects/{projectName}"
        let operations: [(String, String, String, String)] = [
            ("POST", "/files", "Files_Upload", Self.agentsWrite), ("GET", "/files", "Files_List", Self.agentsRead),
            ("GET", "/files/{fileId}", "Files_Get", Self.agentsRead), ("DELETE", "/files/{fileId}", "Files_Delete", Self.agentsDelete),
            ("GET", "/files/{fileId}/content", "Files_GetContent", Self.agentsRead),
            ("POST", "/vector_stores", "VectorStores_Create", Self.agentsWrite),
            ("GET", "/vector_stores", "VectorStores_List", Self.agentsRead),
            ("GET", "/vector_stores/{vectorStoreId}", "VectorStores_Get", Self.agentsRead),
            ("POST", "/vector_stores/{vectorStoreId}", "VectorStores_Modify", Self.agentsWrite),
            ("DELETE", "/vector_stores/{vectorStoreId}", "VectorStores_Delete", Self.agentsDelete),
            ("POST", "/vector_stores/{vectorStoreId}/files", "VectorStoreFiles_Create", Self.agentsWrite),
            ("GET", "/vector_stores/{vectorStoreId}/files", "VectorStoreFiles_List", Self.agentsRead),
            ("GET", "/vector_stores/{vectorStoreId}/files/{fileId}", "VectorStoreFiles_Get", Self.agentsRead),
            ("DELETE", "/vector_stores/{vectorStoreId}/files/{fileId}", "VectorStoreFiles_Delete", Self.agentsDelete),
            ("POST", "/vector_stores/{vectorStoreId}/file_batches", "VectorStoreFileBatches_Create", Self.agentsWrite),
            ("GET", "/vector_stores/{vectorStoreId}/file_batches/{batchId}", "VectorStoreFileBatches_Get", Self.agentsRead),
            ("POST", "/vector_stores/{vectorStoreId}/file_batches/{batchId}/cancel", "VectorStoreFileBatches_Cancel", Self.agentsWrite),
            ("GET", "/vector_stores/{vectorStoreId}/file_batches/{batchId}/files", "VectorStoreFileBatches_ListFiles", Self.agentsRead),
        ]
        return operations.map { method, path, operation, action in
            DataPlaneRoute(
                method, project + path, surface: .project, operationID: operation, dataAction: action, scope: .project,
                parsesBody: false
            ) { _ in
                throw DataPlaneError.agentsNotImplemented(operation)
            }
        }
    }
}
