# References into blocks with count or for_each name one instance: the rules
# judge that instance, or stay silent when they cannot tell which it is.

resource "aws_neptune_cluster_parameter_group" "by_index" {
  count  = 2
  name   = "by-index-${count.index}"
  family = "neptune1.3"

  parameter {
    name  = "neptune_enable_audit_log"
    value = count.index == 0 ? "1" : "0"
  }
}

# Runs with by_index[1], which keeps the audit log off: the export finding
# must not claim the log is written.
resource "aws_neptune_cluster" "second_group" {
  cluster_identifier                   = "second-group"
  engine_version                       = "1.3.2.1"
  storage_encrypted                    = true
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.by_index[1].name
  enable_cloudwatch_logs_exports       = ["audit"]
}

# Instance i runs with by_index[i].
resource "aws_neptune_cluster" "paired" {
  count                                = 2
  cluster_identifier                   = "paired-${count.index}"
  engine_version                       = "1.3.2.1"
  storage_encrypted                    = true
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.by_index[count.index].name
}

locals {
  versions = { analytics = "1.2.1.0", graph = "1.3.2.1" }
}

resource "aws_neptune_cluster" "versions" {
  for_each                       = local.versions
  cluster_identifier             = each.key
  engine_version                 = each.value
  storage_encrypted              = true
  enable_cloudwatch_logs_exports = ["audit"]
}

# The graph cluster runs 1.3.2.1, so neptune1.3 is right: no finding, no fix.
resource "aws_neptune_cluster_instance" "graph" {
  cluster_identifier           = aws_neptune_cluster.versions["graph"].id
  instance_class               = "db.r6g.large"
  neptune_parameter_group_name = aws_neptune_parameter_group.graph.name
}

resource "aws_neptune_parameter_group" "graph" {
  family = "neptune1.3"
}

resource "aws_neptune_cluster_parameter_group" "named_a" {
  name   = "named-a"
  family = "neptune1.3"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}

resource "aws_neptune_cluster_parameter_group" "named_b" {
  name   = "named-b"
  family = "neptune1.3"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}

# Each group is used by aws_neptune_cluster.by_name, and the message says so.
resource "aws_neptune_cluster" "by_name" {
  count                                = 2
  cluster_identifier                   = "by-name-${count.index}"
  engine_version                       = "1.3.2.1"
  storage_encrypted                    = true
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = ["named-a", "named-b"][count.index]
}

variable "create_audit_group" {
  type    = bool
  default = false
}

# A block with no instances still holds its name: the fix below must not
# add a second resource "aws_neptune_cluster_parameter_group" "lonely_audit".
resource "aws_neptune_cluster_parameter_group" "lonely_audit" {
  count  = var.create_audit_group ? 1 : 0
  family = "neptune1.3"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}

resource "aws_neptune_cluster" "lonely" {
  cluster_identifier                   = "lonely"
  engine_version                       = "1.3.2.1"
  storage_encrypted                    = true
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.lonely_audit_2.name
}

resource "aws_neptune_cluster_parameter_group" "audit_on" {
  name   = "audit-on"
  family = "neptune1.3"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}

# The instances run with different groups but export the same (nothing):
# one finding for the block, whose advice holds for both instances.
resource "aws_neptune_cluster" "mixed_groups" {
  for_each                             = { one = "audit-on", two = "named-b" }
  cluster_identifier                   = "mixed-${each.key}"
  engine_version                       = "1.3.2.1"
  storage_encrypted                    = true
  neptune_cluster_parameter_group_name = each.value
  enable_cloudwatch_logs_exports       = ["audit"]
}

locals {
  group_parameters = {
    audited = { neptune_enable_audit_log = "1" }
    plain   = { neptune_query_timeout = "120000" }
  }
}

# Only group_per_key["audited"] is used, and it enables the audit log: the
# plain instance is used by no cluster, so it is not reported.
resource "aws_neptune_cluster_parameter_group" "group_per_key" {
  for_each = local.group_parameters
  name     = each.key
  family   = "neptune1.3"

  dynamic "parameter" {
    for_each = each.value
    content {
      name  = parameter.key
      value = parameter.value
    }
  }
}

resource "aws_neptune_cluster" "keyed_group" {
  cluster_identifier                   = "keyed-group"
  engine_version                       = "1.3.2.1"
  storage_encrypted                    = true
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.group_per_key["audited"].name
}

# A key written out names its instance: g_by_key["graph"] runs a 1.3 engine
# with a 1.2 family, and sets no audit parameter.
resource "aws_neptune_cluster_parameter_group" "g_by_key" {
  for_each = toset(["analytics", "graph"])
  name     = "g-${each.key}"
  family   = "neptune1.3"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}

resource "aws_neptune_cluster" "by_key" {
  cluster_identifier                   = "by-key"
  engine_version                       = "1.3.2.1"
  storage_encrypted                    = true
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.g_by_key["graph"].name
}

resource "aws_neptune_cluster_parameter_group" "lonely_audit_2" {
  family = "neptune1.3"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}
