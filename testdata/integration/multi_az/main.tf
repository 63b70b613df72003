# One writer and nothing else: reported.
resource "aws_neptune_cluster" "single" {
  cluster_identifier = "single"
}

resource "aws_neptune_cluster_instance" "single" {
  cluster_identifier = aws_neptune_cluster.single.id
  instance_class     = "db.r6g.large"
}

# count = 2, placed by AWS: silent.
resource "aws_neptune_cluster" "counted" {
  cluster_identifier = "counted"
}

resource "aws_neptune_cluster_instance" "counted" {
  count              = 2
  cluster_identifier = aws_neptune_cluster.counted.id
  instance_class     = "db.r6g.large"
}

# for_each over two zones: silent.
resource "aws_neptune_cluster" "spread" {
  cluster_identifier = "spread"
}

resource "aws_neptune_cluster_instance" "spread" {
  for_each           = toset(["eu-west-1a", "eu-west-1b"])
  cluster_identifier = aws_neptune_cluster.spread.cluster_identifier
  availability_zone  = each.value
  instance_class     = "db.r6g.large"
}

# count = 3, all in one zone: reported.
resource "aws_neptune_cluster" "pinned" {
  cluster_identifier = "pinned"
}

resource "aws_neptune_cluster_instance" "pinned" {
  count              = 3
  cluster_identifier = "pinned"
  availability_zone  = "eu-west-1a"
  instance_class     = "db.r6g.large"
}

# Two clusters from count, each with one instance of its own: one finding.
resource "aws_neptune_cluster" "pair" {
  count              = 2
  cluster_identifier = "pair-${count.index}"
}

resource "aws_neptune_cluster_instance" "pair" {
  count              = 2
  cluster_identifier = aws_neptune_cluster.pair[count.index].id
  instance_class     = "db.r6g.large"
}

# No instance in this module: left alone.
resource "aws_neptune_cluster" "headless" {
  cluster_identifier = "headless"
}
