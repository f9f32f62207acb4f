//! Small reference models shared by many API groups.

use serde::{Deserialize, Serialize};

/// A reference to an object by id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Entity {
    /// The globally unique identifier for the object.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// A reference to an object by id, with its name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NamedEntity {
    /// The globally unique identifier for the object.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The name of the object.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// A reference to another entity, with the URI of its resource.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DomainEntityRef {
    /// The entity's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The entity's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The URI of the entity, relative to the API base.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub self_uri: Option<String>,
}
